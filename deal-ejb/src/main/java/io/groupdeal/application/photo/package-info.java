/**
 * Deal photos: uploads checked and re-encoded ({@link io.groupdeal.application.photo.PhotoImages}), stored in the
 * configured media store ({@link io.groupdeal.application.photo.MediaStore}), ordered and removed by the merchant
 * ({@link io.groupdeal.application.photo.PhotoService}) and served to anyone who may see the deal
 * ({@link io.groupdeal.application.photo.PhotoMedia}).
 */
package io.groupdeal.application.photo;
