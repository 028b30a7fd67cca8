/** The application boundary: stateless services that own transactions, roles and the caller's tenant. */
package io.groupdeal.application;
