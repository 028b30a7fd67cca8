/** Who is calling: the authenticated account, its tenant for the persistence context, passwords and tokens. */
package io.groupdeal.application.security;
