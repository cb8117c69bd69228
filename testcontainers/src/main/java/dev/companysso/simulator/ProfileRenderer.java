package dev.companysso.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Renders a {@link SimUser} in each {@link Dialect.ProfileShape}. */
final class ProfileRenderer {

    private ProfileRenderer() {
    }

    static String openidOf(SimUser user) {
        return "o-" + user.idAsString();
    }

    static String unionidOf(SimUser user) {
        return "u-" + user.idAsString();
    }

    static ObjectNode userinfo(SimUser user, Dialect.ProfileShape shape) {
        ObjectNode p = Json.MAPPER.createObjectNode();
        switch (shape) {
            case NESTED -> nested(user, p);
            case FLAT -> flat(user, p, true);
            case FULL_NAME_ONLY -> flat(user, p, false);
            case WECHAT -> wechat(user, p);
            default -> throw new IllegalStateException(shape.toString());
        }
        user.extraSnapshot().forEach((k, v) -> {
            if (v == SimUser.OMIT) {
                p.remove(k); // lets a test make a field absent, not just null
            } else {
                p.set(k, Json.MAPPER.valueToTree(v));
            }
        });
        return p;
    }

    /** The second profile call: {@code {"roles":[..],"departments":[{"code":..,"name":..}]}}. */
    static ObjectNode rolesAndDepartments(SimUser user) {
        ObjectNode p = Json.MAPPER.createObjectNode();
        roles(user, p);
        depts(user, p.putArray("departments"));
        return p;
    }

    private static void nested(SimUser u, ObjectNode p) {
        p.set("id", Json.MAPPER.valueToTree(u.getId()));
        p.put("account", u.getUsername());
        p.putObject("contact").put("email", u.getEmail()).put("verified", u.isEmailVerified());
        p.putObject("name").put("first", u.getFirstName()).put("last", u.getLastName()).put("full", u.getFullName());
        roles(u, p);
        depts(u, p.putArray("depts"));
    }

    private static void flat(SimUser u, ObjectNode p, boolean splitNames) {
        p.put("sub", u.idAsString());
        p.put("preferred_username", u.getUsername());
        p.put("email", u.getEmail());
        p.put("email_verified", u.isEmailVerified());
        if (splitNames) {
            p.put("given_name", u.getFirstName());
            p.put("family_name", u.getLastName());
        }
        p.put("name", u.getFullName());
        roles(u, p);
        ArrayNode groups = p.putArray("groups");
        u.getDepts().forEach(d -> groups.add("/" + d.code()));
    }

    private static void wechat(SimUser u, ObjectNode p) {
        p.put("openid", openidOf(u));
        p.put("nickname", u.getFullName() != null ? u.getFullName() : u.getUsername());
        p.put("unionid", unionidOf(u));
        p.put("headimgurl", "https://avatar.example.com/" + FormCodec.encode(u.getUsername()) + ".png");
        p.putArray("privilege");
    }

    private static void roles(SimUser u, ObjectNode p) {
        ArrayNode roles = p.putArray("roles");
        u.getRoles().forEach(roles::add);
    }

    private static void depts(SimUser u, ArrayNode out) {
        u.getDepts().forEach(d -> out.addObject().put("code", d.code()).put("name", d.name()));
    }
}
