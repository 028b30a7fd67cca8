package io.groupdeal.application.staff;

import java.util.List;

/** What a merchant says about a staff member. The password is needed to create; on update, null keeps it. */
public record StaffDetails(String email, String name, String password, List<String> storeIds) {}
