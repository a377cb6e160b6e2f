package org.beacon.server.directory.file;

import java.util.List;

/** A directory file that cannot be imported, with every problem found, each naming where it is. */
public class InvalidDirectoryFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    public InvalidDirectoryFileException(String file, List<String> problems) {
        super(file + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems") + "; nothing was imported");
        this.problems = List.copyOf(problems);
    }

    /** One line each, e.g. {@code users[3] "jdoe" (line 42): unknown organization "imx"}. */
    public List<String> problems() {
        return problems;
    }
}
