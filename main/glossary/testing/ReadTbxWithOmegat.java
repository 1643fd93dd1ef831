/*
 * Reads a TBX file with OmegaT's own glossary reader (org.omegat.gui.glossary.GlossaryReaderTBX,
 * the code OmegaT runs for a .tbx in a project's glossary folder) and prints what OmegaT sees as
 * JSON lines: {"source": ..., "target": ..., "comment": ...}. Used by tbxReaders.test.ts with
 * Java's single-file launcher:
 *   java -cp /usr/share/omegat/OmegaT.jar ReadTbxWithOmegat.java FILE SOURCE_LANG TARGET_LANG
 * The reader takes the project's languages from the current project, so a minimal project that
 * answers only getProjectProperties() is set first. Any exception exits non-zero.
 * With `--schemas DIR` it instead copies the TBX core-structure schema OmegaT ships
 * (schemas/tbx.xsd and the xml.xsd it imports) out of OmegaT.jar into DIR, for xmllint.
 */
import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.lang.reflect.Proxy;
import java.util.List;
import org.omegat.core.Core;
import org.omegat.core.data.IProject;
import org.omegat.core.data.ProjectProperties;
import org.omegat.gui.glossary.GlossaryEntry;
import org.omegat.gui.glossary.GlossaryReaderTBX;

public class ReadTbxWithOmegat {
  private static String json(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') b.append('\\').append(c);
      else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
      else b.append(c);
    }
    return b.append('"').toString();
  }

  public static void main(String[] args) throws Exception {
    if (args[0].equals("--schemas")) {
      for (String name : new String[] { "tbx.xsd", "xml.xsd" }) {
        try (InputStream in = ReadTbxWithOmegat.class.getClassLoader().getResourceAsStream("schemas/" + name)) {
          if (in == null) throw new IllegalStateException("schemas/" + name + " is not in OmegaT.jar");
          Files.copy(in, new File(args[1], name).toPath(), StandardCopyOption.REPLACE_EXISTING);
        }
      }
      return;
    }
    ProjectProperties props = new ProjectProperties() {};
    props.setSourceLanguage(args[1]);
    props.setTargetLanguage(args[2]);
    IProject project = (IProject) Proxy.newProxyInstance(IProject.class.getClassLoader(), new Class<?>[] { IProject.class },
        (proxy, method, a) -> method.getName().equals("getProjectProperties") ? props : null);
    Core.setProject(project);
    List<GlossaryEntry> entries = GlossaryReaderTBX.read(new File(args[0]), false);
    for (GlossaryEntry e : entries) {
      System.out.println("{\"source\":" + json(e.getSrcText()) + ",\"target\":" + json(e.getLocText()) + ",\"comment\":" + json(e.getCommentText()) + "}");
    }
  }
}
