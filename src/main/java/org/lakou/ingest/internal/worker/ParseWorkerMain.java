package org.lakou.ingest.internal.worker;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.util.Optional;

import org.lakou.ingest.internal.worker.WorkerProtocol.Request;

/**
 * The child JVM of a parse worker: reads requests on stdin, answers on stdout, logs on stderr.
 * It is killed by the server when a parse overruns, and it kills itself when the server is gone,
 * so a hung parser never outlives the application.
 */
public final class ParseWorkerMain {

    private ParseWorkerMain() {
    }

    public static void main(String[] args) throws Exception {
        // Tika's classes load through the same indexed lookup as the server's: a worker starts sooner
        if (org.lakou.IndexedLaunch.relaunch(ParseWorkerMain.class, args)) {
            return;
        }
        // stdout is the protocol; a library that prints must not corrupt it
        FileOutputStream protocolOut = new FileOutputStream(FileDescriptor.out);
        System.setOut(System.err);
        watchParent(args.length > 0 ? args[0] : null);

        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(protocolOut, 1 << 16));
        DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
        Extractor extractor = new Extractor();
        extractor.warmUp();
        out.writeInt(WorkerProtocol.READY);
        out.flush();

        Request request;
        while ((request = WorkerProtocol.readRequest(in)) != null) {
            var response = extractor.extract(request);
            WorkerProtocol.writeResponse(out, response);
            if (response.recycle()) {
                break;
            }
        }
        System.exit(0);
    }

    /** Closing stdin is not enough while a parse hangs: poll the parent and halt when it is gone. */
    private static void watchParent(String parentPid) {
        Optional<ProcessHandle> parent = parentPid == null ? ProcessHandle.current().parent()
                : ProcessHandle.of(Long.parseLong(parentPid));
        Thread watchdog = new Thread(() -> {
            while (true) {
                if (parent.isEmpty() || !parent.get().isAlive()) {
                    Runtime.getRuntime().halt(2);
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }
}
