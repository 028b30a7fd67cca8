/** The merchant's dashboard: figures of a period in the business's time zone. */
package io.groupdeal.application.report;
