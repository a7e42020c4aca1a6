package org.lakou;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class LakouApplication {

    public static void main(String[] args) throws Exception {
        if (IndexedLaunch.relaunch(LakouApplication.class, args)) {
            return;
        }
        if (CliLauncher.isCommand(args)) {
            System.exit(CliLauncher.run(args));
        }
        SpringApplication.run(LakouApplication.class, args);
    }
}
