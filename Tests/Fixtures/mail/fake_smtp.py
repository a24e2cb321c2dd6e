"""A fake SMTP server for the mail transport's tests: serves one session on 127.0.0.1, prints the port it listens
on, and writes the envelope and the message it received to the file named by its argument. Python standard
library only."""
import socketserver
import sys

OUT = sys.argv[1]


class Session(socketserver.StreamRequestHandler):
    def reply(self, line):
        self.wfile.write((line + "\r\n").encode())

    def handle(self):
        envelope, data = [], []
        self.reply("220 fake.example ESMTP")
        while True:
            line = self.rfile.readline().decode("utf-8", "replace").rstrip("\r\n")
            if not line:
                return
            verb = line.split(" ")[0].upper()
            if verb in ("EHLO", "HELO"):
                self.reply("250 fake.example")
            elif verb in ("MAIL", "RCPT"):
                envelope.append(line)
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 go on")
                while True:
                    part = self.rfile.readline().decode("utf-8", "replace")
                    if part in (".\r\n", ".\n", ""):
                        break
                    data.append(part)
                with open(OUT, "w") as f:
                    f.write("\n".join(envelope) + "\n\n" + "".join(data))
                self.reply("250 queued")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("250 OK")


with socketserver.TCPServer(("127.0.0.1", 0), Session) as server:
    print(server.server_address[1], flush=True)
    server.handle_request()
