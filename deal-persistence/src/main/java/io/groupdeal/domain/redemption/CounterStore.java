package io.groupdeal.domain.redemption;

/** A store in use (not archived) as the counter needs it: its name for the answers and its time zone for the dates. */
public record CounterStore(String id, String name, String timeZone) {}
