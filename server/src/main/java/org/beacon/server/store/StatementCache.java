package org.beacon.server.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A connection (the writer's, and each reader's) keeping its prepared statements for reuse.
 *
 * <p>Why: the write helpers ({@link SessionRows}, {@link DirectoryRows}) prepare their SQL on every
 * call, in try-with-resources. On the writer thread that was a fifth of the time per message
 * (SQLite compiles the statement each time, and sqlite-jdbc allocates around it), measured with JFR
 * under the load generator. {@link #wrap} returns a connection whose
 * {@code prepareStatement(String)} hands out a cached statement; its {@code close()} only clears
 * the parameters, so the helpers stay written the plain JDBC way. Every other method goes to the
 * real connection. At most {@value #MAX_STATEMENTS} statements are kept (least recently used
 * closed first), so SQL built with varying text cannot grow the cache without bound. Closing the
 * wrapped connection closes the cached statements, then the connection.
 *
 * <p>Used by one thread at a time, like the connection itself (the writer thread; for a read
 * connection, the reader that took it from the {@link ReadPool}). A cached query statement holds no
 * read snapshot between uses: closing its result set resets it.
 */
final class StatementCache {
    static final int MAX_STATEMENTS = 64;

    private final Connection target;
    private final Map<String, PreparedStatement> statements = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() <= MAX_STATEMENTS) {
                return false;
            }
            closeQuietly(eldest.getValue());
            return true;
        }
    };

    private StatementCache(Connection target) {
        this.target = target;
    }

    static Connection wrap(Connection target) {
        StatementCache cache = new StatementCache(target);
        return (Connection) Proxy.newProxyInstance(StatementCache.class.getClassLoader(),
                new Class<?>[] {Connection.class}, cache::onConnection);
    }

    private Object onConnection(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (name.equals("prepareStatement") && args != null && args.length == 1 && args[0] instanceof String sql) {
            return cached(sql);
        }
        if (name.equals("close") && (args == null || args.length == 0)) {
            statements.values().forEach(StatementCache::closeQuietly);
            statements.clear();
        }
        if (name.equals("equals") && args != null && args.length == 1) {
            return proxy == args[0];
        }
        if (name.equals("hashCode") && (args == null || args.length == 0)) {
            return System.identityHashCode(proxy);
        }
        return invoke(target, method, args);
    }

    private PreparedStatement cached(String sql) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = target.prepareStatement(sql);
            statements.put(sql, statement);
        }
        PreparedStatement real = statement;
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("close") && (args == null || args.length == 0)) {
                real.clearParameters(); // kept for the next caller; an open result set was closed by its own try
                return null;
            }
            return invoke(real, method, args);
        };
        return (PreparedStatement) Proxy.newProxyInstance(StatementCache.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, handler);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void closeQuietly(PreparedStatement statement) {
        try {
            statement.close();
        } catch (SQLException e) {
            // closing a statement of a connection that is going away; nothing to do
        }
    }
}
