/** Money as text, the same in the REST API's JSON and the pages' forms. */
package io.groupdeal.interfaces.money;
