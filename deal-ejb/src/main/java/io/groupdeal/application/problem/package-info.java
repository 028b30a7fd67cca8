/** The ways a request can fail that the client must be told about; each becomes one problem+json answer. */
package io.groupdeal.application.problem;
