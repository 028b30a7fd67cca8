package io.groupdeal.domain.team;

/** OPEN while seats are free or payments in flight; COMPLETE when every seat is paid; FAILED when time ran out first. */
public enum TeamStatus {
    OPEN,
    COMPLETE,
    FAILED
}
