/** Deal photos: upload, order and delete ({@code /deals/{id}/photos}), and their bytes ({@code /media/photos}). */
package io.groupdeal.interfaces.rest.photo;
