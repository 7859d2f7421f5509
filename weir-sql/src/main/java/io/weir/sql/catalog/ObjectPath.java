package io.weir.sql.catalog;

/** A table or view inside one catalog: {@code database.object}. */
public record ObjectPath(String databaseName, String objectName) {

    public String fullName() {
        return databaseName + "." + objectName;
    }
}
