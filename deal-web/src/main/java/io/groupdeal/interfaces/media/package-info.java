/** Addresses of the media the API serves, named the same in the REST API's JSON and the pages' images. */
package io.groupdeal.interfaces.media;
