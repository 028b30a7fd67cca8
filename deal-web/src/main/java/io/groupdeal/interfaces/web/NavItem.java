package io.groupdeal.interfaces.web;

/** A link of the side navigation: label, path below the context root, and an icon name of app.css. */
public record NavItem(String label, String path, String icon) {}
