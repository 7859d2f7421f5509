package io.weir.api.types;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Classes for the type tests: POJOs that follow or break the rules, records and enums. */
public final class TestTypes {
    private TestTypes() {
    }

    public enum Color {
        RED, GREEN, BLUE {
            @Override
            public String toString() {
                return "blue";
            }
        }
    }

    /** A POJO with public fields, a primitive, a nullable box and a nested list. */
    public static class Person {
        public String name;
        public int age;
        public Integer score;
        public List<String> tags = new ArrayList<>();

        public Person() {
        }

        public Person(String name, int age, Integer score, List<String> tags) {
            this.name = name;
            this.age = age;
            this.score = score;
            this.tags = tags;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Person p && Objects.equals(name, p.name) && age == p.age
                    && Objects.equals(score, p.score) && Objects.equals(tags, p.tags);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, age, score, tags);
        }

        @Override
        public String toString() {
            return "Person(" + name + ", " + age + ", " + score + ", " + tags + ")";
        }
    }

    /** A subclass of a POJO that is itself a POJO. */
    public static class Employee extends Person {
        public String company;

        @Override
        public boolean equals(Object o) {
            return super.equals(o) && o instanceof Employee e && Objects.equals(company, e.company);
        }

        @Override
        public int hashCode() {
            return super.hashCode() * 31 + Objects.hashCode(company);
        }
    }

    /** A POJO with private fields behind getters and setters, a nested POJO and an enum. */
    public static class Account {
        private long id;
        private boolean active;
        private Address address;
        private Color color;

        public long getId() {
            return id;
        }

        public void setId(long id) {
            this.id = id;
        }

        public boolean isActive() {
            return active;
        }

        public void setActive(boolean active) {
            this.active = active;
        }

        public Address getAddress() {
            return address;
        }

        public void setAddress(Address address) {
            this.address = address;
        }

        public Color getColor() {
            return color;
        }

        public void setColor(Color color) {
            this.color = color;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Account a && id == a.id && active == a.active && Objects.equals(address, a.address)
                    && color == a.color;
        }

        @Override
        public int hashCode() {
            return Objects.hash(id, active, address, color);
        }
    }

    /** A POJO that does not override hashCode. */
    public static class Address {
        public String city;
        public int zip;

        @Override
        public boolean equals(Object o) {
            return o instanceof Address a && Objects.equals(city, a.city) && zip == a.zip;
        }
    }

    /** A generic POJO. */
    public static class Wrapper<T> {
        public T value;
        public List<T> more;
    }

    /** A recursive POJO. */
    public static class Node {
        public String label;
        public Node next;
    }

    /** Not a POJO: no public no-arg constructor. */
    public static class NoDefaultConstructor {
        public final String value;

        public NoDefaultConstructor(String value) {
            this.value = value;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof NoDefaultConstructor n && Objects.equals(value, n.value);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(value);
        }
    }

    /** Not a POJO: a private field without setter. */
    public static class HiddenField {
        private String secret;

        public String getSecret() {
            return secret;
        }
    }

    public record Point(int x, int y) {
    }

    public record Labeled(String label, Integer weight, Point point, Color color, List<String> notes) {
    }

    /** More than eight components, so the serializer writes two null masks. */
    public record Wide(String a, Long b, String c, Integer d, String e, Long f, String g, Integer h, String i,
            Long j) {
    }

    public record Pair<A, B>(A first, B second) {
    }
}
