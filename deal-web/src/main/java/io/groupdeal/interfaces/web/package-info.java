/** Backing beans of the Jakarta Faces pages: layout, login and sign-up, the merchant's and operator's pages. */
package io.groupdeal.interfaces.web;
