import { useTranslations } from "next-intl";
import ReactMarkdown, { type Components } from "react-markdown";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import { codeLanguage, rehypeHighlightCode } from "@/lib/markdown/highlight";
import { LINK_REL, markdownUrlTransform, SANITIZE_SCHEMA } from "@/lib/markdown/rules";
import { CodeBlock } from "./code-block";
import "./markdown.css";

/** An image in an answer is never loaded (it could be a tracking beacon): a link to it, or its text. */
function ImageLink({ src, alt }: { src?: string; alt: string }) {
  const t = useTranslations("arena.markdown");
  const label = alt.trim() ? t("image", { alt: alt.trim() }) : t("imageNoAlt");
  if (!src) return <span className="md-image">{label}</span>;
  return (
    <a href={src} target="_blank" rel={LINK_REL} className="md-image">
      {label}
    </a>
  );
}

/** A wide table scrolls sideways inside its own box, reachable by keyboard. */
function TableBox({ children }: { children?: React.ReactNode }) {
  const t = useTranslations("arena.markdown");
  return (
    <div className="md-table" role="region" aria-label={t("table")} tabIndex={0}>
      <table>{children}</table>
    </div>
  );
}

const COMPONENTS: Components = {
  a: ({ href, children }) =>
    href ? (
      <a href={href} target="_blank" rel={LINK_REL}>
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
  img: ({ src, alt }) => <ImageLink src={typeof src === "string" ? src : undefined} alt={alt ?? ""} />,
  pre: ({ node, children }) => {
    const code = node?.children.find((c) => c.type === "element" && c.tagName === "code");
    const language = code?.type === "element" ? codeLanguage(code) : null;
    return <CodeBlock language={language?.slice(0, 24) ?? null}>{children}</CodeBlock>;
  },
  table: ({ children }) => <TableBox>{children}</TableBox>,
};

const REMARK = [remarkGfm];
const REHYPE = [[rehypeSanitize, SANITIZE_SCHEMA], rehypeHighlightCode] as NonNullable<
  React.ComponentProps<typeof ReactMarkdown>["rehypePlugins"]
>;

/**
 * A model's answer as GitHub-flavoured markdown (tables, task lists, fenced code with syntax
 * highlighting and a copy button), safely: no raw HTML, no loaded images, only http(s)/mailto
 * links, which open in a new tab as user content (lib/markdown/rules.ts). Server or client.
 */
export function Markdown({ text, className = "" }: { text: string; className?: string }) {
  return (
    <div className={`md ${className}`} dir="auto">
      <ReactMarkdown remarkPlugins={REMARK} rehypePlugins={REHYPE} skipHtml urlTransform={markdownUrlTransform} components={COMPONENTS}>
        {text}
      </ReactMarkdown>
    </div>
  );
}
