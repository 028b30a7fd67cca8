/**
 * Team buys (拼团): starting and joining a team through the buying path (reserve → authorise → confirm, authorise
 * only), completing a team when its last seat is paid, and failing it when its time runs out.
 */
package io.groupdeal.application.team;
