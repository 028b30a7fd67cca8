package io.groupdeal.application.account;

/** A new merchant business and the email and password of its first admin. */
public record MerchantSignup(String businessName, String email, String password) {}
