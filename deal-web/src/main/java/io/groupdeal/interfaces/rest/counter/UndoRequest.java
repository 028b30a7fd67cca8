package io.groupdeal.interfaces.rest.counter;

/** Why a redemption is undone (required; checked by the counter service). */
public record UndoRequest(String reason) {}
