/** Accounts (the login identity of every person), their roles, and bearer tokens stored as hashes. */
package io.groupdeal.domain.account;
