/** Sign-up, login with bearer tokens, logout, and who-am-I. */
package io.groupdeal.application.account;
