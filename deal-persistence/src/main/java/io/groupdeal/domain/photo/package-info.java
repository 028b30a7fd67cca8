/** A deal's photos: which photos a deal has, in which order, and who may see them. The bytes are the media store's. */
package io.groupdeal.domain.photo;
