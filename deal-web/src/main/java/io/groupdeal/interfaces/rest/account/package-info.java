/** Sign-up, tokens and /me. */
package io.groupdeal.interfaces.rest.account;
