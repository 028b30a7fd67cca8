/** Team buys over HTTP: start, join, the public team page's data and the merchant's teams per deal. */
package io.groupdeal.interfaces.rest.team;
