package io.groupdeal.application.account;

public record BuyerSignup(String email, String password, String name) {}
