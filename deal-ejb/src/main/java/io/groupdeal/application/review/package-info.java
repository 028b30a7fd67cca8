/** Reviews: buyers review what they used, merchants read and reply, anyone reads a deal's reviews. */
package io.groupdeal.application.review;
