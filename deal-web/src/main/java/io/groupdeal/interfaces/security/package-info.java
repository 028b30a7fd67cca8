/** Authentication (a Jakarta Authentication module): bearer tokens for the API, the same token in an HttpOnly cookie for the pages. */
package io.groupdeal.interfaces.security;
