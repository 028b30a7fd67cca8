/**
 * The CSV reports (a deal's report, the dashboard, settlement statements): one file, written from the application's
 * figures, whether the API or a page's download button asks for it.
 */
package io.groupdeal.interfaces.csv;
