/** Reviews over REST: buyers write them, merchants read and reply. (A deal's public reviews are in the catalog.) */
package io.groupdeal.interfaces.rest.review;
