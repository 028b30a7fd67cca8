package io.groupdeal.application.staff;

import java.util.List;

/** A staff member as the merchant sees it: account data and assigned stores, never the password. */
public record StaffView(String id, String email, String name, List<String> storeIds) implements java.io.Serializable {}
