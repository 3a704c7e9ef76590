import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A private CA, a server certificate it signed for 127.0.0.1 / localhost, and an unrelated CA. */
export interface TestPki {
    dir: string;
    /** PEM file of the CA that signed the server certificate. */
    caPath: string;
    /** PEM file of another CA, which did not sign it. */
    wrongCaPath: string;
    cert: string;
    key: string;
    remove(): void;
}

function openssl(dir: string, args: string[]): void {
    try {
        execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });
    } catch (e) {
        throw new Error(`openssl ${args.join(" ")} failed (is /usr/bin/openssl installed?): ${(e as { stderr?: Buffer }).stderr?.toString() ?? (e as Error).message}`);
    }
}

/** Makes a throwaway PKI with the openssl CLI (a missing openssl fails the test). */
export function makeTestPki(): TestPki {
    const dir = mkdtempSync(join(tmpdir(), "ecs-waiter-pki-"));
    for (const ca of ["ca", "wrong-ca"]) {
        openssl(dir, ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", `${ca}.key`, "-out", `${ca}.pem`, "-days", "2", "-subj", `/CN=ecs-waiter test ${ca}`, "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"]);
    }
    openssl(dir, ["req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1"]);
    writeFileSync(join(dir, "server.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n");
    openssl(dir, ["x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "server.pem", "-days", "2", "-extfile", "server.ext"]);
    return {
        dir,
        caPath: join(dir, "ca.pem"),
        wrongCaPath: join(dir, "wrong-ca.pem"),
        cert: readFileSync(join(dir, "server.pem"), "utf8"),
        key: readFileSync(join(dir, "server.key"), "utf8"),
        remove: () => rmSync(dir, { recursive: true, force: true }),
    };
}
