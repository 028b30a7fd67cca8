/** Settings that must never reach production unnoticed: refused at startup, or warned about loudly. */
package io.groupdeal.infrastructure.guard;
