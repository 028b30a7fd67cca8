/** The merchant's own settings: business name, time zone of the by-day figures, the counter's undo window. */
package io.groupdeal.application.settings;
