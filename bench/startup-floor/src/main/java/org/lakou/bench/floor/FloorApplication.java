package org.lakou.bench.floor;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** A bare web app: health from the actuator and an upload that reads the file, as Lakou's ingest receives one. */
@SpringBootApplication
@RestController
public class FloorApplication {

    public static void main(String[] args) {
        SpringApplication.run(FloorApplication.class, args);
    }

    @PostMapping("/upload")
    Map<String, Object> upload(@RequestParam("file") MultipartFile file) throws IOException {
        long bytes = 0;
        try (InputStream in = file.getInputStream()) {
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0;) {
                bytes += n;
            }
        }
        return Map.of("name", String.valueOf(file.getOriginalFilename()), "bytes", bytes);
    }
}
