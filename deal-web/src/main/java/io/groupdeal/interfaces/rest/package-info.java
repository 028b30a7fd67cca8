/** The REST API of api.md under /api/v1: thin resources over the application boundaries, DTOs in and out. */
package io.groupdeal.interfaces.rest;
