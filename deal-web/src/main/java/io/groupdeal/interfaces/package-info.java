/** What users and clients touch: the REST API, the pages, and how callers are authenticated. */
package io.groupdeal.interfaces;
