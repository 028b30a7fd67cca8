/** Team buys (拼团): teams of buyers who pay a deal's team price, captured when the team fills, voided when not. */
package io.groupdeal.domain.team;
