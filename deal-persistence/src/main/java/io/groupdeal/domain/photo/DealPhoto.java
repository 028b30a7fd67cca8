package io.groupdeal.domain.photo;

import java.io.Serializable;

/** One photo of a deal: its id and the size of its {@code large} rendition (the others fit smaller boxes). */
public record DealPhoto(String id, String dealId, int width, int height) implements Serializable {}
