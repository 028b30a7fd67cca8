/** MicroProfile Health checks: ready when the database answers. */
package io.groupdeal.infrastructure.health;
