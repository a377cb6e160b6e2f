package org.beacon.client.ui.resources;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.swing.table.AbstractTableModel;
import org.beacon.protocol.model.UserSummary;

/** The Contacts table of a resource's Users section: Name and Organization, plus who is online. EDT only. */
final class ContactsTableModel extends AbstractTableModel {
    private static final long serialVersionUID = 1L;
    static final int NAME = 0;
    static final int ORGANIZATION = 1;

    private final List<UserSummary> users = new ArrayList<>();
    private final Map<String, Boolean> online = new HashMap<>();

    void setUsers(List<UserSummary> list) {
        users.clear();
        users.addAll(list);
        online.clear();
        for (UserSummary user : list) {
            online.put(user.username(), Boolean.TRUE.equals(user.online()));
        }
        fireTableDataChanged();
    }

    List<UserSummary> users() {
        return List.copyOf(users);
    }

    UserSummary user(int row) {
        return users.get(row);
    }

    boolean online(int row) {
        return Boolean.TRUE.equals(online.get(users.get(row).username()));
    }

    /** A presence change; returns whether the user is in the table. */
    boolean setOnline(String username, boolean isOnline) {
        for (int row = 0; row < users.size(); row++) {
            if (users.get(row).username().equals(username)) {
                online.put(username, isOnline);
                fireTableRowsUpdated(row, row);
                return true;
            }
        }
        return false;
    }

    @Override
    public int getRowCount() {
        return users.size();
    }

    @Override
    public int getColumnCount() {
        return 2;
    }

    @Override
    public String getColumnName(int column) {
        return column == NAME ? "Name" : "Organization";
    }

    @Override
    public Class<?> getColumnClass(int column) {
        return String.class;
    }

    @Override
    public Object getValueAt(int row, int column) {
        UserSummary user = users.get(row);
        if (column == NAME) {
            return user.fullName() == null ? user.username() : user.fullName();
        }
        return user.organizationName() == null ? "" : user.organizationName();
    }
}
