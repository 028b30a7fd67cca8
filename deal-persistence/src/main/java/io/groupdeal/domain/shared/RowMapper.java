package io.groupdeal.domain.shared;

/** Builds one value (a record, a view, an entity's figures) from the current row of a {@link NativeSql} read. */
@FunctionalInterface
public interface RowMapper<T> {

    T map(Row row);
}
