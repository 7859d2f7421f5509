package io.weir.api.types.serializers;

/**
 * A POJO that {@link PojoFieldAccessTest} loads again in a class loader of its own, as a job's
 * user-code class loader would; top-level, so that it has no nest host in the other loader.
 */
public class UserCodePojo {
    private String name;
    private int count;

    public UserCodePojo() {}

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
