package io.weir.api.types.serializers;

/**
 * A POJO that {@link PojoFieldAccessTest} loads again in a class loader of its own, as a job's
 * user-code class loader would; top-level, so that it has no nest host in the other loader. It has a
 * final field and inherits one from a class of the parent loader.
 */
public class UserCodePojo extends PojoFieldAccessTest.UserCodeBase {
    public final long version;
    private String name;
    private int count;

    public UserCodePojo() {
        this(0);
    }

    public UserCodePojo(long version) {
        this.version = version;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public int getCount() {
        return count;
    }

    public void setCount(int count) {
        this.count = count;
    }
}
