package io.weir.api.types.serializers;

import io.weir.api.types.PojoField;
import java.lang.reflect.Field;

/**
 * Field access by reflection, for the POJOs no {@link PojoFieldAccess} can be generated for: a
 * hidden class, a class Weir cannot define a class beside (a package that is not open), and
 * primitive fields with a serializer of their own (read and written boxed). References go through {@link PojoField}'s method
 * handles, primitives through {@link Field#getInt} and its siblings, unboxed.
 */
final class ReflectiveFieldAccess implements PojoFieldAccess {
    private final PojoField[] fields;

    /** @param fields the POJO's fields by index; {@code null} where the field no longer exists */
    ReflectiveFieldAccess(PojoField[] fields) {
        this.fields = fields;
    }

    private Field field(int index) {
        return fields[index].getField();
    }

    private IllegalStateException accessFailed(int index, IllegalAccessException e) {
        return new IllegalStateException("Cannot access field " + fields[index].getName() + " of "
                + field(index).getDeclaringClass().getName() + ": " + e.getMessage(), e);
    }

    @Override
    public Object get(Object pojo, int field) {
        return fields[field].get(pojo);
    }

    @Override
    public void set(Object pojo, int field, Object value) {
        fields[field].set(pojo, value);
    }

    @Override
    public int getInt(Object pojo, int field) {
        try {
            return field(field).getInt(pojo);
        } catch (IllegalAccessException e) {
            throw accessFailed(field, e);
        }
    }

    @Override
    public void setInt(Object pojo, int field, int value) {
        try {
            field(field).setInt(pojo, value);
        } catch (IllegalAccessException e) {
            throw accessFailed(field, e);
        }
    }

    @Override
    public long getLong(Object pojo, int field) {
        try {
            return field(field).getLong(pojo);
        } catch (IllegalAccessException e) {
            throw accessFailed(field, e);
        }
    }

    @Override
    public void setLong(Object pojo, int field, long value) {
        try {
            field(field).setLong(pojo, value);
        } catch (IllegalAccessException e) {
            throw accessFailed(field, e);
        }
    }

    @Override
    public double getDouble(Object pojo, int field) {
        try {
            return field(field).getDouble(pojo);
        } catch (IllegalAccessException e) {
            throw accessFailed(field, e);
        }
    }

    @Override
    public void setDouble(Object pojo, int field, double value) {
        try {
            field(field).setDouble(pojo, value);
        } catch (IllegalAccessException e) {
            throw accessFailed(field, e);
        }
    }

    @Override
    public float getFloat(Object pojo, int field) {
        try {
            return field(field).getFloat(pojo);
        } catch (IllegalAccessException e) {
            throw accessFailed(field, e);
        }
    }

    @Override
    public void setFloat(Object pojo, int field, float value) {
        try {
            field(field).setFloat(pojo, value);
        } catch (IllegalAccessException e) {
            throw accessFailed(field, e);
        }
    }

    @Override
    public boolean getBoolean(Object pojo, int field) {
        try {
            return field(field).getBoolean(pojo);
        } catch (IllegalAccessException e) {
            throw accessFailed(field, e);
        }
    }

    @Override
    public void setBoolean(Object pojo, int field, boolean value) {
        try {
            field(field).setBoolean(pojo, value);
        } catch (IllegalAccessException e) {
            throw accessFailed(field, e);
        }
    }

    @Override
    public short getShort(Object pojo, int field) {
        try {
            return field(field).getShort(pojo);
        } catch (IllegalAccessException e) {
            throw accessFailed(field, e);
        }
    }

    @Override
    public void setShort(Object pojo, int field, short value) {
        try {
            field(field).setShort(pojo, value);
        } catch (IllegalAccessException e) {
            throw accessFailed(field, e);
        }
    }

    @Override
    public byte getByte(Object pojo, int field) {
        try {
            return field(field).getByte(pojo);
        } catch (IllegalAccessException e) {
            throw accessFailed(field, e);
        }
    }

    @Override
    public void setByte(Object pojo, int field, byte value) {
        try {
            field(field).setByte(pojo, value);
        } catch (IllegalAccessException e) {
            throw accessFailed(field, e);
        }
    }

    @Override
    public char getChar(Object pojo, int field) {
        try {
            return field(field).getChar(pojo);
        } catch (IllegalAccessException e) {
            throw accessFailed(field, e);
        }
    }

    @Override
    public void setChar(Object pojo, int field, char value) {
        try {
            field(field).setChar(pojo, value);
        } catch (IllegalAccessException e) {
            throw accessFailed(field, e);
        }
    }
}
