package io.groupdeal.application.store;

/** What a merchant says about a store. Checked by the domain: lengths, coordinates, time zone. */
public record StoreDetails(String name, String address, Double latitude, Double longitude, String timeZone) {}
