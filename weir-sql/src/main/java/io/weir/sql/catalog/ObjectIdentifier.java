package io.weir.sql.catalog;

/** A fully qualified table or view: {@code catalog.database.object}. */
public record ObjectIdentifier(String catalogName, String databaseName, String objectName) {

    public ObjectPath toObjectPath() {
        return new ObjectPath(databaseName, objectName);
    }

    /** {@code catalog.database.object}, as in messages. */
    public String asSummaryString() {
        return catalogName + "." + databaseName + "." + objectName;
    }
}
