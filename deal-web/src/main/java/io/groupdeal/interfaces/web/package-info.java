/**
 * Backing beans of the Jakarta Faces pages: layout, login and sign-up, the merchant's and operator's pages. They show
 * what the application answers (its views, the domain's records and entities) formatted for people by {@link
 * io.groupdeal.interfaces.web.PageFormats} and the bundle, never the REST API's DTOs ({@code LayersTest}).
 */
package io.groupdeal.interfaces.web;
