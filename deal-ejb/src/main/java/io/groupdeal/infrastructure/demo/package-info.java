/** What is loaded at startup: the first platform operator, and in demo mode the demo tenants and accounts. */
package io.groupdeal.infrastructure.demo;
